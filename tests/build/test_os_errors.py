"""What the operating system refuses ends as one line naming the path and the cause, exit 1, the
output folder as it was, and never a traceback; so does a Ctrl-C while the tool is still loading."""
from __future__ import annotations

import errno
import os
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from scorm_builder import build as build_module
from scorm_builder.cli import main
from support import ROOT


@pytest.fixture
def course(make_course, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return make_course()


def run(*args: str):
    result = CliRunner().invoke(main, ["--lang", "en", *args])
    assert "Traceback" not in result.output
    assert isinstance(result.exception, SystemExit), result.exception
    return result


def test_an_output_folder_below_a_file(course, tmp_path):
    (tmp_path / "a-file").write_text("x")
    result = run("build", "kurs", "--out", "a-file/dist")
    assert result.exit_code == 1
    assert "a-file/dist: error: part of the path is a file, not a folder (Not a directory)" in result.output
    assert (tmp_path / "a-file").read_text() == "x"


@pytest.mark.skipif(not Path("/sys/kernel").is_dir(), reason="needs a sysfs, where even root may not create folders")
def test_an_output_folder_nobody_may_create(course):
    result = run("build", "kurs", "--out", "/sys/scorm-builder-test")
    assert result.exit_code == 1
    assert "/sys/scorm-builder-test: error: permission denied" in result.output


OTHER_FILE_SYSTEM = Path("/dev/shm")   # tmpfs on Linux


@pytest.mark.skipif(not OTHER_FILE_SYSTEM.is_dir(), reason="needs a second file system to copy across")
def test_a_disk_that_fills_while_publishing_leaves_the_output_as_it_was(course, tmp_path, monkeypatch):
    """Packages made on another file system than the output folder are copied into it."""
    other = Path(tempfile.mkdtemp(dir=OTHER_FILE_SYSTEM))
    assert other.stat().st_dev != tmp_path.stat().st_dev
    monkeypatch.setattr(tempfile, "tempdir", str(other))
    dist = tmp_path / "dist"
    dist.mkdir()
    (dist / "earlier.zip").write_bytes(b"earlier build")
    copies = []

    def copy_until_full(src, dst):   # the second package does not fit
        if copies:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(dst))
        copies.append(dst)
        return shutil.copyfile(src, dst)

    monkeypatch.setattr(build_module.shutil, "copyfile", copy_until_full)
    result = run("build", "kurs", "--out", "dist")
    assert result.exit_code == 1
    assert "error: there is no space left (No space left on device)" in result.output
    assert sorted(p.name for p in dist.iterdir()) == ["earlier.zip"]
    assert list(other.iterdir()) == []
    other.rmdir()


def test_packages_made_on_the_output_s_file_system_are_renamed_into_it(course, tmp_path, monkeypatch):
    """Nothing is copied: a large package is not written a second time."""
    copy = shutil.copyfile

    def no_copy(src, dst):
        assert Path(dst).parent != tmp_path / "dist", f"copied {src} into the output folder"
        return copy(src, dst)

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    monkeypatch.setattr(build_module.shutil, "copyfile", no_copy)
    result = CliRunner().invoke(main, ["build", "kurs", "--out", "dist"])
    assert result.exit_code == 0, result.output
    assert {p.suffix for p in (tmp_path / "dist").iterdir()} == {".zip"}
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith("scorm-builder-")] == []


def test_a_full_temporary_folder_is_one_line(course, tmp_path):
    """A file size limit makes every write past 20 KB fail as a full disk would (EFBIG), for real."""
    def limit():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (20_000, 20_000))

    (tmp_path / "dist").mkdir()
    done = subprocess.run([sys.executable, "-m", "scorm_builder", "--lang", "en", "build", "kurs", "--out", "dist"],
                          cwd=tmp_path, preexec_fn=limit, capture_output=True, text=True, timeout=120,
                          env={**os.environ, "TMPDIR": str(tmp_path)})
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert f"{tmp_path}: error: the file grows larger than the system allows (File too large)" in done.stderr
    assert list((tmp_path / "dist").iterdir()) == []
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith("scorm-builder-")] == []


def test_ctrl_c_while_loading_is_aborted_not_a_traceback():
    interrupt_on_import = textwrap.dedent("""\
        import sys
        class Interrupt:
            def find_spec(self, name, path=None, target=None):
                if name == "scorm_builder.cli":
                    raise KeyboardInterrupt
        sys.meta_path.insert(0, Interrupt())
        from scorm_builder.console import run
        run()
        """)
    done = subprocess.run([sys.executable, "-c", interrupt_on_import], cwd=ROOT, capture_output=True, text=True,
                          timeout=60)
    assert (done.returncode, done.stderr.strip()) == (1, "Aborted!")


def test_any_command_s_os_error_is_one_line(course, tmp_path, monkeypatch):
    """check makes its temporary folder before the build's own guard: the CLI's guard catches it."""
    (tmp_path / "a-file").write_text("x")
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "a-file" / "tmp"))
    result = run("check", "kurs")
    assert result.exit_code == 1
    assert f"{tmp_path}/a-file/tmp/" in result.output
    assert "error: part of the path is a file, not a folder (Not a directory)" in result.output
