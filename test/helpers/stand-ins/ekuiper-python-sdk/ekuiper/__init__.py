"""STAND-IN for the eKuiper Python SDK (package `ekuiper`), for tests only.

The real SDK (lf-edge/ekuiper, sdk/python/ekuiper) talks to eKuiper over nanomsg sockets, which
cannot run here. This stand-in keeps its public names (`plugin`, `PluginConfig`, `Source`, `Sink`,
`Function`, `Context`) and does what `runtime/plugin.py` does on a CMD_START command:
`f = conf.get(pluginType, symbolName)`, then `s = f()`, then drives the instance the way the
SDK's source/sink/function runtimes do. The starts come from EKUIPER_STAND_IN_STARTS (a JSON list
of {"pluginType", "symbolName", "config"}); a JSON report goes to stdout.
"""
from ekuiper.stand_in import Context, Function, PluginConfig, Sink, Source, plugin

__all__ = ['plugin', 'PluginConfig', 'Source', 'Sink', 'Function', 'Context']
