# The class server's configuration, read by `make hub` (jupyterhub -f hub/jupyterhub_config.py). See hub/README.md.
# Everything a teacher may change comes from environment variables that `make hub` passes on:
#   WORLDORDER_HUB_PREFIX   the class folder made by `python -m tools.classhub setup` (default /srv/worldorder)
#   WORLDORDER_HUB_IP       the address students connect to (default 127.0.0.1: this machine only)
#   WORLDORDER_HUB_PORT     its port (default 8000); the hub's and the proxy's own APIs use the next two ports
#   WORLDORDER_MEM_LIMIT    each student's memory limit (default 1G, see hub/README.md for the figure)
#   WORLDORDER_CULL_IDLE    seconds before an idle student's server is stopped (default 3600)
#   WORLDORDER_SSL_CERT / WORLDORDER_SSL_KEY   a certificate for a public address (TLS)
#   WORLDORDER_HUB_SCRIPT_TOKEN   a token for a script that drives the class's servers (the load benchmark);
#                                 unset in a real class
import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tools.classhub import Layout, read_class_list  # noqa: E402

c = get_config()  # noqa: F821  (provided by JupyterHub)

layout = Layout(Path(os.environ.get("WORLDORDER_HUB_PREFIX", "/srv/worldorder")))
members = read_class_list(layout.class_list)
ip = os.environ.get("WORLDORDER_HUB_IP", "127.0.0.1")
port = int(os.environ.get("WORLDORDER_HUB_PORT", "8000"))

# ---------------------------------------------------------------- network and state
c.JupyterHub.ip = ip
c.JupyterHub.port = port
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = port + 1
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{port + 2}"
c.ConfigurableHTTPProxy.command = [str(REPO / "hub" / "node_modules" / ".bin" / "configurable-http-proxy")]
c.ConfigurableHTTPProxy.pid_file = str(layout.state / "proxy.pid")
c.JupyterHub.db_url = f"sqlite:///{layout.state / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(layout.state / "jupyterhub_cookie_secret")
c.JupyterHub.pid_file = str(layout.state / "jupyterhub.pid")
c.JupyterHub.cleanup_servers = True  # stopping the hub stops every student's server
if os.environ.get("WORLDORDER_SSL_CERT"):
    c.JupyterHub.ssl_cert = os.environ["WORLDORDER_SSL_CERT"]
    c.JupyterHub.ssl_key = os.environ["WORLDORDER_SSL_KEY"]

# ---------------------------------------------------------------- who signs in
c.JupyterHub.authenticator_class = "tools.hubspawner.ClassAuthenticator"
c.ClassAuthenticator.class_list = str(layout.class_list)
c.Authenticator.admin_users = {m.name for m in members if m.role == "teacher"}
c.NativeAuthenticator.minimum_password_length = 10
c.NativeAuthenticator.check_common_password = True
c.NativeAuthenticator.allowed_failed_logins = 5
c.NativeAuthenticator.seconds_before_next_try = 60
c.NativeAuthenticator.open_signup = False  # the teacher approves each sign-up at /hub/authorize

# ---------------------------------------------------------------- each student's server
c.JupyterHub.spawner_class = "tools.hubspawner.ClassSpawner"
c.ClassSpawner.class_notebooks = str(layout.notebooks)
c.Spawner.cmd = [str(layout.env / "bin" / "jupyterhub-singleuser")]
c.Spawner.notebook_dir = "~/worldorder"
c.Spawner.default_url = "/lab/tree/00-start-here.ipynb"
# Kernels talk to their server over Unix sockets in the student's own runtime folder, not TCP ports on 127.0.0.1:
# with a class starting kernels at once, random TCP ports collided ("Address already in use") in the load
# benchmark, and a socket in a private folder is not even reachable by another user.
# A kernel left idle for 30 minutes (a notebook the student finished) is shut down inside the student's server, so
# it stops counting against their memory limit; the idle culler below stops whole servers.
c.Spawner.args = ["--KernelManager.transport=ipc", "--MappingKernelManager.cull_idle_timeout=1800",
                  "--MappingKernelManager.cull_interval=300"]
c.Spawner.mem_limit = os.environ.get("WORLDORDER_MEM_LIMIT", "1G")
c.Spawner.environment = {"PATH": f"{layout.env / 'bin'}:/usr/local/bin:/usr/bin:/bin"}
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 90

# ---------------------------------------------------------------- idle servers are stopped
c.JupyterHub.load_roles = [{
    "name": "idle-culler",
    "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"],
    "services": ["idle-culler"],
}]
c.JupyterHub.services = [{
    "name": "idle-culler",
    "command": [sys.executable, "-m", "jupyterhub_idle_culler",
                f"--timeout={int(os.environ.get('WORLDORDER_CULL_IDLE', '3600'))}"],
}]

# ---------------------------------------------------------------- a script's token (the load benchmark only)
if os.environ.get("WORLDORDER_HUB_SCRIPT_TOKEN"):
    c.JupyterHub.services.append({"name": "class-script", "api_token": os.environ["WORLDORDER_HUB_SCRIPT_TOKEN"]})
    c.JupyterHub.load_roles.append({
        "name": "class-script",
        "scopes": ["admin:users", "admin:servers", "access:servers", "list:users", "read:users"],
        "services": ["class-script"],
    })
