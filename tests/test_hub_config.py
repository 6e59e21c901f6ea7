"""The class server's files, checked without starting anything (tests/test_hub.py runs the real class, as root):
the class list rules, the hub configuration, the Zero to JupyterHub values and their copy step, the limits that
the README and the two deployments must agree on."""

import re
import subprocess
from pathlib import Path

import pytest
import yaml

from conftest import REPO
from tools.classhub import Layout, parse_class_list

VALUES = REPO / "hub" / "zero-to-jupyterhub.yaml"


def make_default(name: str) -> str:
    return re.search(rf"^{name}\s*\?=\s*(\S+)", (REPO / "Makefile").read_text(), re.M).group(1)


def test_the_example_class_list_has_a_teacher_and_students():
    members = parse_class_list((REPO / "hub" / "class-list.example.csv").read_text())
    assert [m.role for m in members].count("teacher") == 1
    assert len(members) >= 3


@pytest.mark.parametrize("text, error", [
    ("username,role\nada,student\n", "nobody has the role 'teacher'"),
    ("username,role\nt,teacher\nada,student\nAda,student\n", "line 4: ada is listed twice"),
    ("username,role\nt,teacher\nada,pupil\n", "line 3: role 'pupil' for ada"),
    ("username,role\nt,teacher\n../etc,student\n", "line 3: '../etc' cannot be a username"),
    ("username,role\nt,teacher\n1ada,student\n", "line 3: '1ada' cannot be a username"),
    ("name\nada\n", "the first line must be 'username,role'"),
])
def test_a_bad_class_list_says_which_line_and_why(text, error):
    with pytest.raises(ValueError, match=re.escape(error)):
        parse_class_list(text)


def load_hub_config(tmp_path, monkeypatch, **environ):
    pytest.importorskip("jupyterhub", reason="the hub's tools are not installed: run `make hub-tools`")
    from traitlets.config import Config

    prefix = tmp_path / "srv"
    (prefix / "hub").mkdir(parents=True)
    Layout(prefix).class_list.write_text("username,role\nokafor,teacher\nada,student\n")
    monkeypatch.setenv("WORLDORDER_HUB_PREFIX", str(prefix))
    for key, value in environ.items():
        monkeypatch.setenv(key, value)
    config = Config()
    code = compile((REPO / "hub" / "jupyterhub_config.py").read_text(), "jupyterhub_config.py", "exec")
    exec(code, {"get_config": lambda: config, "__file__": str(REPO / "hub" / "jupyterhub_config.py")})
    return config, prefix


def test_the_hub_listens_on_this_machine_only_by_default(tmp_path, monkeypatch):
    c, prefix = load_hub_config(tmp_path, monkeypatch)
    assert c.JupyterHub.ip == "127.0.0.1" and c.JupyterHub.hub_ip == "127.0.0.1"
    assert c.ConfigurableHTTPProxy.api_url.startswith("http://127.0.0.1:")
    assert c.Authenticator.admin_users == {"okafor"}
    assert c.NativeAuthenticator.open_signup is False
    assert c.Spawner.cmd == [str(prefix / "env" / "bin" / "jupyterhub-singleuser")]
    assert c.Spawner.mem_limit == "1G" == make_default("MEM_LIMIT")
    assert [s["name"] for s in c.JupyterHub.services] == ["idle-culler"], "no script token unless asked for"
    assert "--timeout=3600" in c.JupyterHub.services[0]["command"]
    assert "--KernelManager.transport=ipc" in c.Spawner.args


def test_a_script_token_is_added_only_when_given(tmp_path, monkeypatch):
    c, _ = load_hub_config(tmp_path, monkeypatch, WORLDORDER_HUB_SCRIPT_TOKEN="x" * 32,
                           WORLDORDER_HUB_IP="0.0.0.0", WORLDORDER_HUB_PORT="9000")
    assert c.JupyterHub.ip == "0.0.0.0" and c.JupyterHub.port == 9000 and c.JupyterHub.hub_port == 9001
    assert {s["name"] for s in c.JupyterHub.services} == {"idle-culler", "class-script"}


def test_the_authenticator_admits_the_class_list_only(tmp_path):
    pytest.importorskip("nativeauthenticator", reason="the hub's tools are not installed: run `make hub-tools`")
    from tools.hubspawner import ClassAuthenticator

    listed = tmp_path / "class.csv"
    listed.write_text("username,role\nokafor,teacher\nada,student\n")
    auth = ClassAuthenticator(add_new_table=False, class_list=str(listed))  # no hub database here
    assert auth.check_allowed("ada") and auth.check_allowed("okafor")
    assert not auth.check_allowed("mallory")
    assert auth.validate_username("ada") and not auth.validate_username("mallory")
    handlers = dict(auth.get_handlers(None))
    assert handlers["/login"].__name__ == "_LoginHandler", "NativeAuthenticator's login form needs the JupyterHub 6 shim"


def test_the_kubernetes_values_match_the_one_server_class():
    values = yaml.safe_load(VALUES.read_text())
    single = values["singleuser"]
    assert single["memory"]["limit"] == make_default("MEM_LIMIT")
    assert _bytes(single["memory"]["guarantee"]) < _bytes(single["memory"]["limit"])
    assert values["cull"]["enabled"] is True and values["cull"]["timeout"] == int(make_default("CULL_IDLE"))
    assert values["hub"]["config"]["NativeAuthenticator"]["open_signup"] is False
    assert single["defaultUrl"] == "/lab/tree/worldorder/00-start-here.ipynb"
    assert single["networkPolicy"]["egressAllowRules"]["nonPrivateIPs"] is False


def _bytes(spec: str) -> int:
    number, unit = re.fullmatch(r"(\d+)([KMGT]?)", spec).groups()
    return int(number) * 1024 ** "_KMGT".index(unit or "_")


def test_the_kubernetes_copy_step_never_overwrites_a_students_copy(tmp_path):
    """The values file's postStart command, run in a shell with the image's folder and a home of the test's."""
    command = yaml.safe_load(VALUES.read_text())["singleuser"]["lifecycleHooks"]["postStart"]["exec"]["command"]
    image = tmp_path / "image"
    shutil_copy_notebooks(image / "notebooks")
    script = command[-1].replace("/srv/worldorder", str(image))
    home = tmp_path / "home"
    home.mkdir()
    run = lambda: subprocess.run(command[:-1] + [script], env={"HOME": str(home), "PATH": "/usr/bin:/bin"},  # noqa: E731
                                 check=True)
    run()
    mine = home / "worldorder" / "00-start-here.ipynb"
    assert sorted(p.name for p in (home / "worldorder").iterdir()) == sorted(p.name for p in (image / "notebooks").iterdir())
    mine.write_text("my own work")
    (image / "notebooks" / "08-new.ipynb").write_text("{}")
    run()
    assert mine.read_text() == "my own work"
    assert (home / "worldorder" / "08-new.ipynb").exists()


def shutil_copy_notebooks(folder: Path):
    folder.mkdir(parents=True)
    for path in sorted((REPO / "notebooks").glob("*.ipynb"))[:3]:
        (folder / path.name).write_bytes(path.read_bytes())
