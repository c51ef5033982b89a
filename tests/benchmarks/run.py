"""Every benchmark, one after the other: `make benchmark` or `.venv/bin/python -m tests.benchmarks.run`."""

from __future__ import annotations

import importlib
import pkgutil

import tests.benchmarks as package


def main() -> None:
    for module in sorted(m.name for m in pkgutil.iter_modules(package.__path__)):
        if module.startswith("bench_"):
            print(f"== {module}")
            importlib.import_module(f"{package.__name__}.{module}").main()


if __name__ == "__main__":
    main()
