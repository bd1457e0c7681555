"""wblint never touches the network: linting works with sockets blocked."""
from __future__ import annotations

import socket

import pytest

from conftest import SAMPLES


@pytest.fixture
def no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise OSError("network access attempted during a test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


def test_full_lint_with_sockets_blocked(no_network, run_cli):
    from wblint import nlp

    nlp._loaded.clear()  # force a fresh pipeline load under the block
    result = run_cli("check", "--format", "json", str(SAMPLES))
    assert result.exit_code == 1
    assert '"customer-quote"' in result.output  # a rule that ran the spaCy pipeline
    assert "network access" not in result.output + result.stderr
