"""The install is the lock: every dependency at its locked version, nothing else, nothing broken."""
import re
import subprocess
import sys
from importlib import metadata

import pytest

from conftest import ROOT

LOCK = f"{ROOT}/requirements.lock"


def _canonical(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def _locked():
    pins = {}
    for line in open(LOCK, encoding="utf-8"):
        m = re.match(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)", line)
        if m:
            pins[_canonical(m.group(1))] = m.group(2)
    return pins


def test_every_locked_line_carries_hashes():
    text = open(LOCK, encoding="utf-8").read()
    blocks = re.split(r"\n(?=[A-Za-z0-9])", text.split("\n", 1)[1])
    pinned = [b for b in blocks if "==" in b.split("\n", 1)[0]]
    assert len(pinned) == len(_locked()) > 30
    assert all("--hash=sha256:" in b for b in pinned)


@pytest.mark.skipif(sys.prefix == sys.base_prefix, reason="not run from a virtual environment (make test makes .venv)")
def test_the_environment_is_the_lock():
    installed = {_canonical(d.metadata["Name"]): d.version for d in metadata.distributions()}
    installed.pop("quotes", None)
    locked = _locked()
    assert {k: v for k, v in installed.items() if locked.get(k) != v} == {}, "installed but not as locked"
    assert {k: v for k, v in locked.items() if installed.get(k) != v} == {}, "locked but not installed"


@pytest.mark.skipif(sys.prefix == sys.base_prefix, reason="not run from a virtual environment (make test makes .venv)")
def test_pip_check_is_clean():
    r = subprocess.run([sys.executable, "-m", "pip", "check"], capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr


def test_every_declared_dependency_is_locked():
    tomllib = pytest.importorskip("tomllib")       # (Python 3.11+)
    with open(f"{ROOT}/pyproject.toml", "rb") as f:
        project = tomllib.load(f)
    declared = project["project"]["dependencies"] + project["project"]["optional-dependencies"]["test"] \
        + project["build-system"]["requires"]
    names = {_canonical(re.match(r"[A-Za-z0-9._-]+", d).group(0)) for d in declared}
    assert "lxml-html-clean" in names            # imported by trafilatura's cleaning on lxml >= 5.2
    assert names - set(_locked()) == set()
