"""``backbone up``: the whole platform on one machine, each service its own uvicorn process."""

from __future__ import annotations

import json
import signal
import time
from pathlib import Path

from backbone.auth.tokens import mint_token
from backbone.devstack.infra import prepare_service, start_infrastructure
from backbone.devstack.lock import one_stack
from backbone.devstack.mail import start_mail_server
from backbone.devstack.processes import GatewayProcess, ServiceProcess, UvicornProcess
from backbone.service import ServiceSpec, discover_services

DEV_TENANT = "demo-network"
GATEWAY_PORT = 8000
"""The platform's base URL: every service's paths, one OpenAPI document."""
LOCAL_ONLY = {
    # Webhook receivers on this machine (the demo's, a developer's): loopback over plain
    # http. Only the embedded stack allows this; deployments reach the public internet only.
    "BACKBONE_WEBHOOK_ALLOWED_NETWORKS": '["127.0.0.0/8", "::1/128"]',
    "BACKBONE_WEBHOOK_ALLOW_HTTP": "true",
    # Frontends a developer runs on this machine, on any port.
    "BACKBONE_CORS_ALLOWED_ORIGINS": '["http://localhost:*", "http://127.0.0.1:*"]',
}


def up(data_dir: Path, *, demo: bool, pg_port: int, kafka_port: int) -> None:
    """Start everything, print where it is, and run until Ctrl-C or SIGTERM."""
    stop = {"requested": False}

    def request_stop(*_: object) -> None:
        stop["requested"] = True

    services = discover_services()
    ports = {"gateway": GATEWAY_PORT, **{s.name: s.port for s in services},
             "PostgreSQL": pg_port, "Kafka": kafka_port}
    with one_stack(data_dir, ports):
        signal.signal(signal.SIGTERM, request_stop)
        signal.signal(signal.SIGINT, request_stop)
        _run(data_dir, services, demo, pg_port, kafka_port, stop)


def _run(data_dir: Path, services: list[ServiceSpec], demo: bool, pg_port: int,
         kafka_port: int, stop: dict[str, bool]) -> None:
    print(f"starting infrastructure under {data_dir} ...", flush=True)
    infra = start_infrastructure(data_dir, pg_port=pg_port, kafka_port=kafka_port)
    mail_server, smtp_port = start_mail_server(data_dir / "mail")
    local = {**LOCAL_ONLY, "BACKBONE_SMTP_HOST": "127.0.0.1", "BACKBONE_SMTP_PORT": str(smtp_port),
             "BACKBONE_SMTP_SECURITY": "none"}
    processes: list[UvicornProcess] = []
    try:
        for spec in services:
            prepare_service(infra, spec)
            processes.append(ServiceProcess(spec, infra, spec.port,
                                            data_dir / "logs" / f"{spec.name}.log",
                                            env=local))
        for process in processes:
            process.wait_ready()
        urls = {s.name: f"http://127.0.0.1:{s.port}" for s in services}
        gateway = GatewayProcess(urls, GATEWAY_PORT, data_dir / "logs" / "gateway.log")
        processes.append(gateway)
        gateway.wait_ready()
        settings = infra.settings("cli")
        token = mint_token(settings, sub="dev-admin", tenant=DEV_TENANT, roles=["network:admin"])
        if demo:
            from backbone.devstack.demo import load_demo

            print("loading the demo network through the public API ...", flush=True)
            load_demo(urls, token, data_dir)
        info = {
            "base_url": gateway.url,
            "docs": f"{gateway.url}/docs",
            "services": {name: {"url": url, "docs": f"{url}/docs"} for name, url in urls.items()},
            "database_url": infra.database_url,
            "kafka_bootstrap_servers": infra.bootstrap_servers,
            "smtp": {"host": "127.0.0.1", "port": smtp_port, "maildir": str(data_dir / "mail")},
            "tenant": DEV_TENANT,
            "admin_token": token,
        }
        (data_dir / "stack.json").write_text(json.dumps(info, indent=2))
        print(json.dumps(info, indent=2))
        print("Webhooks may reach loopback (127.0.0.0/8, ::1) over plain http here: "
              "BACKBONE_WEBHOOK_ALLOWED_NETWORKS and BACKBONE_WEBHOOK_ALLOW_HTTP are set for "
              "this embedded stack only.", flush=True)
        print("Browser frontends on http://localhost:* and http://127.0.0.1:* may call the "
              "API (BACKBONE_CORS_ALLOWED_ORIGINS, set for this embedded stack only).",
              flush=True)
        print(f"Emails go to the stack's own SMTP server (port {smtp_port}), which keeps them in "
              f"{data_dir / 'mail'} (a Maildir).", flush=True)
        print(f"Backbone is up at {gateway.url} (API docs: {gateway.url}/docs; details in "
              f"{data_dir / 'stack.json'}). Ctrl-C stops it.", flush=True)
        while not stop["requested"]:
            for process in processes:
                if process.exited:
                    raise RuntimeError(f"{process.name} stopped unexpectedly")
            time.sleep(0.5)
    finally:
        print("stopping ...", flush=True)
        for process in processes:
            process.stop()
        mail_server.stop()
        infra.stop()
        (data_dir / "stack.json").unlink(missing_ok=True)
        print("stopped.", flush=True)
