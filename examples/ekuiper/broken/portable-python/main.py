"""Entry point of the pysensor portable plugin.

eKuiper starts it as `python -u main.py '<json config>'` from the plugin folder;
the names registered here must match `sources` and `functions` in pysensor.json.
"""
from ekuiper import plugin, PluginConfig

from celsius import celsius_ins
from sensorsim import SensorSim

if __name__ == '__main__':
    c = PluginConfig("pysensor",
                     {"sensorsim": lambda: SensorSim()},
                     {},
                     {"celsius": lambda: celsius_ins})
    plugin.start(c)
