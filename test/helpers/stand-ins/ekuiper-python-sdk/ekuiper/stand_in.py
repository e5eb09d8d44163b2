"""STAND-IN runtime of the eKuiper Python SDK (see __init__.py): tests only."""
import json
import os
import sys
import threading
import types
from typing import Any, Callable, Dict, List

TYPE_SOURCE = "source"  # sdk/python/ekuiper/runtime/shared.py
TYPE_SINK = "sink"
TYPE_FUNC = "func"


class Context:
    """What a plugin's methods receive; records what they emit."""

    def __init__(self):
        self.emitted: List[Any] = []
        self.enough = threading.Event()

    def emit(self, message, meta):
        self.emitted.append(message)
        if len(self.emitted) >= 2:
            self.enough.set()

    def get_rule_id(self):
        return "stand-in-rule"

    def get_op_id(self):
        return "op1"

    def get_instance_id(self):
        return 0

    def get_logger(self):
        import logging
        return logging.getLogger("stand-in")


class Source:
    def configure(self, datasource: str, conf: dict):
        raise NotImplementedError

    def open(self, ctx: Context):
        raise NotImplementedError

    def close(self, ctx: Context):
        raise NotImplementedError


class Sink:
    def configure(self, conf: dict):
        raise NotImplementedError

    def open(self, ctx: Context):
        raise NotImplementedError

    def collect(self, ctx: Context, data: Any):
        raise NotImplementedError

    def close(self, ctx: Context):
        raise NotImplementedError


class Function:
    def validate(self, args: List[Any]):
        raise NotImplementedError

    def exec(self, args: List[Any], ctx: Context) -> Any:
        raise NotImplementedError

    def is_aggregate(self):
        raise NotImplementedError


class PluginConfig:
    """Same signature and lookup as runtime/plugin.py: dicts of factories."""

    def __init__(self, name: str, sources: Dict[str, Callable[[], Source]], sinks: Dict[str, Callable[[], Sink]], functions: Dict[str, Callable[[], Function]]):
        self.name = name
        self.sources = sources
        self.sinks = sinks
        self.functions = functions

    def get(self, plugin_type: str, symbol_name: str):
        if plugin_type == TYPE_SOURCE:
            return self.sources[symbol_name]
        elif plugin_type == TYPE_SINK:
            return self.sinks[symbol_name]
        elif plugin_type == TYPE_FUNC:
            return self.functions[symbol_name]
        return None


def _run(ctrl: dict, s: Any) -> dict:
    kind, conf = ctrl["pluginType"], ctrl.get("config", {})
    ctx = Context()
    if kind == TYPE_SOURCE:
        s.configure(ctrl.get("datasource", ""), conf)
        thread = threading.Thread(target=s.open, args=(ctx,), daemon=True)
        thread.start()
        got = ctx.enough.wait(5)
        s.close(ctx)
        thread.join(5)
        return {"emitted": ctx.emitted, "stopped": not thread.is_alive(), "timedOut": not got}
    if kind == TYPE_SINK:
        s.configure(conf)
        s.open(ctx)
        for data in ctrl.get("data", []):
            s.collect(ctx, data)
        s.close(ctx)
        return {"collected": len(ctrl.get("data", []))}
    return {"validate": s.validate(ctrl.get("args", [])), "exec": s.exec(ctrl.get("args", []), ctx), "isAggregate": s.is_aggregate()}


def _start(c: PluginConfig):
    report = {"name": c.name, "started": []}
    for ctrl in json.loads(os.environ.get("EKUIPER_STAND_IN_STARTS", "[]")):
        # As runtime/plugin.py command_reply on CMD_START:
        f = c.get(ctrl["pluginType"], ctrl["symbolName"])
        if f is None:
            report["started"].append({"symbol": ctrl["symbolName"], "error": "symbol not found"})
            continue
        s = f()
        report["started"].append({"symbol": ctrl["symbolName"], "type": type(s).__name__, **_run(ctrl, s)})
    sys.stdout.write(json.dumps(report) + "\n")


plugin = types.SimpleNamespace(start=_start)
