"""`dyad serve`: the knowledge base's API and web pages on a local port."""

from __future__ import annotations

import click

from dyad.cli import cli
from dyad.errors import DyadError

LOOPBACK = ("127.0.0.1", "::1", "localhost")


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; the default answers this machine only.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option("--db", default=None, metavar="PATH|URL",
              help="SQLite file or postgresql:// URL  [default: $DYAD_DB, else ./dyad.db]")
@click.option("--token", envvar="DYAD_TOKEN", default=None, show_envvar=True,
              help="Bearer token that uploads (POST /api/documents) must send; "
                   "without one, uploads are refused.")
@click.option("--max-upload-bytes", type=click.IntRange(min=1), default=20 * 1024 * 1024,
              show_default=True, help="Refuse uploads larger than this (413).")
@click.option("--log-level", type=click.Choice(["critical", "error", "warning", "info",
                                                "debug"]), default="info", show_default=True)
def serve(host: str, port: int, db: str | None, token: str | None, max_upload_bytes: int,
          log_level: str) -> None:
    """Serve the knowledge base: a JSON API under /api (OpenAPI at /openapi.json) and web
    pages (search, dyads on a world map, a live report per pair, each event's evidence,
    upload)."""
    import uvicorn

    from dyad.kb.store import describe, resolve
    from dyad.web import create_app

    check_port(host, port)
    app = create_app(db, token=token, max_upload_bytes=max_upload_bytes)  # a bad --db fails here
    stats = app.state.kb.stats()
    click.echo(f"dyad: serving {describe(resolve(db))} ({stats['documents']} documents, "
               f"{stats['events']} events, {stats['facts']} facts) on "
               f"http://{_url_host(host)}:{port}/; uploads "
               f"{'need the token' if token else 'are off (no --token)'}", err=True)
    if host not in LOOPBACK and not token:
        click.echo("dyad: note: listening beyond this machine; the data is readable by anyone "
                   "who can reach it", err=True)
    uvicorn.run(app, host=host, port=port, log_level=log_level, server_header=False)


def check_port(host: str, port: int) -> None:
    """One clear line when the address cannot be listened on (in use, not this machine's)."""
    import socket

    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as e:
        raise DyadError(f"cannot listen on {host}: {e.strerror}") from None
    family, _, _, _, address = infos[0]
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(address)
        except OSError as e:
            raise DyadError(f"cannot listen on {host}:{port}: {e.strerror or e}") from None


def _url_host(host: str) -> str:
    return f"[{host}]" if ":" in host else host
