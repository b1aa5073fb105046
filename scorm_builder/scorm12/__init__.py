"""The one SCORM 1.2 core: namespaces, the XSDs, the manifest model, and where an item launches.

Render writes manifests with it; validate, inspect, play and preview read them with it, so every
command sees a package the same way (see docs/architecture.md).
"""
