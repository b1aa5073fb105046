"""Reuse of lesson conversions: within a build, between builds, and across the machine's cores.

Converting Markdown is most of a build's time. A conversion depends only on the lesson's text and
context (paths, ids, language: `_reuse_key`), on the files its links and images point at (their
fingerprints, `fingerprint`), and on the variant only through what the lesson asks of it: whether
the variant sees content limited to some audiences or levels (PageContext.variant_checks), or, for
an extension that reads the variant itself, which one it is (PageContext.variant_read). So:
- within a build, a lesson converts once for every variant that answers its questions the same
  way (`serves`): once for all when it asks nothing;
- between builds, conversions are kept on disk (source/conversion_cache.py) under a hash of all that;
- what is left to convert goes to a pool of processes when there is enough of it (`prepare`).
The diagnostics are part of a conversion: a reused one reports the same problems at the same lines.
"""
from __future__ import annotations

import dataclasses
import hashlib
import os
import signal
import stat
import sys
from dataclasses import dataclass
from pathlib import Path

from scorm_builder.errors import ERROR, Reporter
from scorm_builder.model.course import aimed_at
from scorm_builder.source.context import PageContext
from scorm_builder.source.conversion_cache import ConversionCache
from scorm_builder.source.lines import LineLocator

# Below this much text a pool costs more than it saves. With n workers, c characters cost c/rate in
# one process and startup + c/(n*rate) in a pool. Measured on 2 cores (under load 12, fork): start-up
# 0.10-0.33 s, 0.2-0.5 M characters per s, so break-even at 50-330 k characters; about 30 lessons
# of 800 words. scripts/bench prints both figures ("parallel threshold") for the machine it runs on.
PARALLEL_MIN_CHARS = 200_000
CONTENT_READ = (".svg", ".vtt")   # the asset checks read these files' content; of others, only the size


@dataclass
class Conversion:
    """One lesson converted for one context: what PageContext collects, and what was reported."""
    page_html: list         # each page's section, in order
    pages: list
    page_words: list
    questions: list
    assets: dict
    diagnostics: list       # errors.Diagnostic, in the order reported
    variant_read: bool      # the lesson asked which variant it is for: the result is that variant's only
    touched: dict           # str(path) -> fingerprint of each file the conversion looked at
    variant: tuple = (None, None)   # the (audience, level) it was made for
    checks: tuple = ()      # PageContext.variant_checks: what it asked of the variant, and the answers


@dataclass
class Stats:
    converted: int = 0      # Markdown conversions run in this build (in any process)
    from_disk: int = 0      # conversions taken from the persistent cache
    pooled: int = 0         # of the converted, those made by a pool's worker processes


class Converter:
    """Converts the lessons of one build, reusing every conversion it can (see the module docstring)."""

    def __init__(self, cache: ConversionCache | None = None, jobs: int | None = None,
                 earlier: dict[tuple, Conversion] | None = None):
        """`earlier`: the `done` of a build before this one in the same process (preview's last
        rebuild), checked as the disk's entries are but not read from the disk again."""
        self.cache = cache
        self.jobs = jobs or os.cpu_count() or 1
        self.stats = Stats()
        self.done: dict[tuple, Conversion] = {}     # by the keys of `_find`: what this build used
        self._earlier = earlier or {}
        self._reported: set[tuple] = set()          # keys whose diagnostics this build has shown
        self._lesson_ids: dict[int, tuple[dict, str]] = {}   # id(lesson_ids) -> (it, its digest)

    def convert(self, body: str, context: PageContext) -> list[str]:
        """HTML of each page of one lesson (its section); fills context.pages, .page_words, .questions,
        .assets, and reports the conversion's diagnostics the first time it is handed out."""
        key, result = self._find(self._reuse_key(body, context), context.variant())
        if result is None:   # not prepared: convert it here
            result = self._store(key, run(body, _isolated(context)))
            self.stats.converted += 1
        context.pages.extend(result.pages)
        context.page_words.extend(result.page_words)
        context.questions.extend(result.questions)
        context.assets.update(result.assets)
        context.variant_read = result.variant_read
        if key not in self._reported:
            self._reported.add(key)
            for d in result.diagnostics:
                report = context.reporter.error if d.severity == ERROR else context.reporter.warning
                report(d.code, d.path, d.line, d.col, **d.params)
        return result.page_html

    def prepare(self, tasks: list[tuple[str, PageContext]]) -> None:
        """Convert ahead, in parallel when worth it, every (body, context) that `convert` will be
        asked for. First one context per lesson text; then one per set of answers to what that
        conversion asked of the variant; then (asked differently, or read directly) per variant.
        A pool started for one pass serves the later ones."""
        pool = _Pool(self.jobs)
        try:
            while True:
                todo: dict[tuple, tuple[str, PageContext]] = {}
                at_most = 0   # characters this and later passes may convert: each task's once
                for body, context in tasks:
                    key, found = self._find(self._reuse_key(body, context), context.variant())
                    if found is None:
                        todo.setdefault(key, (body, context))
                        at_most += len(body)
                if not todo:
                    return
                self._run_all(todo, pool if pool.running or at_most >= PARALLEL_MIN_CHARS else None)
        finally:
            pool.close()

    def _run_all(self, todo: dict[tuple, tuple[str, PageContext]], pool: _Pool | None) -> None:
        tasks = list(todo.values())
        results = None
        if pool is not None and min(pool.jobs, len(tasks)) >= 2:
            try:
                results = pool.map([(body, context, os.getcwd()) for body, context in tasks])
                self.stats.pooled += len(tasks)
            except OSError:   # no processes allowed here, or a worker killed (BrokenProcessPool): do it here
                results = None
        if results is None:
            results = [run(body, _isolated(context)) for body, context in tasks]
        for key, result in zip(todo, results):
            self._store(key, result)
        self.stats.converted += len(tasks)

    def _reuse_key(self, body: str, c: PageContext) -> tuple:
        """Everything but the variant that a conversion depends on, besides the files it looks at;
        the lesson's text by its SHA-256. The course's lesson ids (a link checks them) enter as a
        digest made once per build: every lesson shares the one mapping, and copying it into every
        key would grow with the square."""
        ids = self._lesson_ids.get(id(c.lesson_ids))
        if ids is None:
            digest = hashlib.sha256(repr(sorted(c.lesson_ids.items())).encode()).hexdigest()
            ids = self._lesson_ids[id(c.lesson_ids)] = (c.lesson_ids, digest)   # kept alive: no other dict gets its id
        text = hashlib.sha256(body.encode("utf-8", "surrogatepass")).hexdigest()   # cheaper to repr and compare
        return (text, c.path, str(c.abs_path), str(c.course_root), c.lesson_id, c.title, c.lang, c.graded,
                c.split_pages, tuple(sorted(c.audience_ids)), tuple(sorted(c.level_ids)),
                tuple(sorted(c.scope, key=repr)), ids[1], c.locator.offset, tuple(c.glossary.items()))

    def _find(self, base: tuple, variant: tuple) -> tuple[tuple, Conversion | None]:
        """(key, conversion) that serves this text and context, made in this build or an earlier
        one; or (the key to store a new conversion under, None). Looked for, in order: under
        `base`, the text's first conversion; under its answers for this variant to what that one
        asked; under the variant itself (asked differently further in, or read directly)."""
        first = self._load(base)
        if first is None or serves(first, variant):
            return base, first
        if not first.variant_read:
            key = (base, "answers", answers(first.checks, variant))
            result = self._load(key)
            if result is None or serves(result, variant):
                return key, result
        key = (base, "variant", variant)
        result = self._load(key)
        return key, result if result is not None and serves(result, variant) else None

    def _load(self, key: tuple) -> Conversion | None:
        result = self.done.get(key)
        if result is not None:
            return result
        result = self._earlier.get(key)
        from_disk = result is None and self.cache is not None
        if from_disk:
            result = self.cache.get(key)
        if result is None or not _still_valid(result):
            return None
        self.done[key] = result
        self.stats.from_disk += from_disk
        return result

    def _store(self, key: tuple, result: Conversion) -> Conversion:
        self.done[key] = result
        if self.cache is not None:
            self.cache.put(key, result)
        return result


def answers(checks: tuple, variant: tuple) -> tuple:
    """How `variant` answers the questions of `checks` (PageContext.variant_checks)."""
    return tuple(aimed_at(audiences, levels, *variant) for audiences, levels, _ in checks)


def serves(result: Conversion, variant: tuple) -> bool:
    """Whether `result` is what converting its text for `variant` would give: it read the variant
    itself and was made for this one, or it did not and the variant answers as it was answered
    (the conversion then took the same path and asked the same questions)."""
    if result.variant_read:
        return result.variant == variant
    return all(aimed_at(audiences, levels, *variant) == seen for audiences, levels, seen in result.checks)


def run(body: str, context: PageContext) -> Conversion:
    """Convert into a context of its own (see `_isolated`), keeping what it reported."""
    from scorm_builder.source.markdown import convert   # only a build that converts needs Markdown

    page_html = convert(body, context)
    return Conversion(page_html, context.pages, context.page_words, context.questions, context.assets,
                      context.reporter.diagnostics, context.variant_read,
                      {str(path): fingerprint(path) for path in sorted(context.touched)},
                      context.variant(), tuple(context.variant_checks))


class _Pool:
    """Worker processes for one `prepare`, started when first asked to convert.

    Ctrl-C: the workers are started with SIGINT blocked and then ignore it, so only this process
    answers (click's "Aborted!"); it then stops the workers itself. (Python 3.11's own clean-up
    after an interrupted `pool.map` can hang, so futures are collected here, not by map.)"""

    def __init__(self, jobs: int):
        self.jobs = jobs
        self.executor = None

    @property
    def running(self) -> bool:
        return self.executor is not None

    def map(self, work: list[tuple[str, PageContext, str]]) -> list[Conversion]:
        """Conversions of `work`, in order."""
        from concurrent.futures import ProcessPoolExecutor   # here: most builds never start a pool
        from concurrent.futures.process import BrokenProcessPool

        size = max(1, len(work) // (self.jobs * 4))
        chunks = [work[i:i + size] for i in range(0, len(work), size)]
        blocked = hasattr(signal, "pthread_sigmask")
        try:
            if self.executor is None:
                self.executor = ProcessPoolExecutor(self.jobs, mp_context=_pool_context(),
                                                    initializer=_leave_ctrl_c_to_caller)
            if blocked:
                signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
            try:
                futures = [self.executor.submit(_run_chunk, chunk) for chunk in chunks]   # a submit starts them
            finally:
                if blocked:
                    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
            return [conversion for future in futures for conversion in future.result()]
        except BrokenProcessPool as e:
            self._stop()
            raise OSError(str(e)) from None
        except BaseException:
            self._stop()
            raise

    def close(self) -> None:
        if self.executor is not None:
            self.executor.shutdown()
            self.executor = None

    def _stop(self) -> None:
        if self.executor is not None:
            _stop(self.executor)
            self.executor = None


def _stop(pool) -> None:
    """End the pool's workers now, without waiting for their lessons."""
    if hasattr(pool, "terminate_workers"):   # Python 3.14
        pool.terminate_workers()
        return
    for process in list((getattr(pool, "_processes", None) or {}).values()):
        process.terminate()
    pool.shutdown(wait=False)


def _run_chunk(chunk: list[tuple[str, PageContext, str]]) -> list[Conversion]:
    return [_run_in_worker(task) for task in chunk]


def _run_in_worker(task: tuple[str, PageContext, str]) -> Conversion:
    body, context, cwd = task
    os.chdir(cwd)   # diagnostics name files relative to the build's working folder
    return run(body, _isolated(context))   # isolated here: the build holds no copy of every lesson's lines


def _leave_ctrl_c_to_caller() -> None:
    """Ctrl-C reaches every process of the terminal's group: the build stops and says "Aborted!";
    its workers, instead of each printing a traceback, finish their lesson and are shut down."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})   # blocked by _Pool.map: now dropped


def _pool_context():
    """fork where it is safe: on Linux, in a process running no other thread. Workers then start
    at once, with Markdown already imported, and nothing of the caller's __main__ is run again.
    Beside other threads (the preview server's) fork could copy a lock one of them holds, so
    forkserver then: workers fork from a clean server process that imported Markdown once."""
    import multiprocessing
    import threading

    if sys.platform.startswith("linux") and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["scorm_builder.source.markdown"])
    return context


def _isolated(context: PageContext) -> PageContext:
    """A fresh copy of the context to convert into: its own reporter, line locator and collections.
    (The variant is passed as it was set, so copying does not count as reading it.)"""
    audience, level = context.variant()
    return dataclasses.replace(context, reporter=Reporter(), audience=audience, level=level,
                               locator=LineLocator("\n".join(context.locator.lines), context.locator.offset),
                               questions=[], assets={}, pages=[], page_words=[], touched=set())


def fingerprint(path: Path) -> tuple:
    """What the asset checks (source/assets.py) can learn about a referenced file: where it really
    is, what kind of thing it is, its size, and the content of those it reads; for anything but a
    file, the names beside it (a missing file's "did you mean")."""
    real = os.path.realpath(path)
    try:
        st = os.stat(real)
    except OSError as e:
        state: tuple = ("error", e.errno)
    else:
        state = (stat.S_IFMT(st.st_mode), st.st_size)
        if stat.S_ISREG(st.st_mode) and real.lower().endswith(CONTENT_READ):
            try:
                with open(real, "rb") as f:
                    state += (hashlib.sha256(f.read()).hexdigest(),)
            except OSError as e:
                state += ("error", e.errno)
    if state[0] == stat.S_IFREG:
        return (real, state)
    try:
        siblings = tuple(sorted(os.listdir(os.path.dirname(real))))
    except OSError:
        siblings = ()
    return (real, state, siblings)


def _still_valid(result: Conversion) -> bool:
    """Whether every file the conversion looked at would look the same now."""
    return all(fingerprint(Path(path)) == seen for path, seen in result.touched.items())


