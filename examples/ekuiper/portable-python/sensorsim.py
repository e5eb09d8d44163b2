import random
import threading
import time

from ekuiper import Context, Source


class SensorSim(Source):
    """Emits a simulated temperature reading (Fahrenheit) per interval."""

    def __init__(self):
        self.interval = 1.0
        self.sensor = "s1"
        self.running = False

    def configure(self, datasource: str, conf: dict):
        # conf is the `default` group of sources/sensorsim.yaml merged with the CONF_KEY group
        self.interval = int(conf.get("interval", 1000)) / 1000.0
        self.sensor = conf.get("sensor", datasource or "s1")

    def open(self, ctx: Context):
        self.running = True
        while self.running:
            ctx.emit({"sensor": self.sensor, "tempF": round(random.uniform(60, 90), 1)}, None)
            time.sleep(self.interval)

    def close(self, ctx: Context):
        self.running = False
