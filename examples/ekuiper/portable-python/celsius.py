from typing import Any, List

from ekuiper import Context, Function


class Celsius(Function):
    """celsius(tempF) converts a Fahrenheit value to Celsius."""

    def validate(self, args: List[Any]):
        if len(args) != 1:
            return "celsius expects exactly one argument"
        return ""

    def exec(self, args: List[Any], ctx: Context) -> Any:
        return round((float(args[0]) - 32) * 5 / 9, 2)

    def is_aggregate(self):
        return False


celsius_ins = Celsius()
