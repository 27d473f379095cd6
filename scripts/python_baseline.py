"""The usual Python route over the same files: quantulum3 for quantities, dateparser for dates.

Run by scripts/python-baseline.sh inside its virtual environment. Prints one JSON object:
documents, bytes, seconds (wall, after imports and a warm-up document), and how many quantities
and dates were found, so the comparison is of work actually done.
"""

import json
import sys
import time
from pathlib import Path

from dateparser.search import search_dates
from quantulum3 import parser as qparser


def main() -> None:
    files = sorted(Path(p) for p in sys.argv[1:])
    texts = [f.read_text(encoding="utf-8") for f in files]
    # Warm-up: both libraries build caches on first use; that is not throughput.
    if texts:
        qparser.parse(texts[0][:2000])
        search_dates(texts[0][:2000], languages=["en"])
    quantities = dates = 0
    start = time.perf_counter()
    for text in texts:
        quantities += len(qparser.parse(text))
        found = search_dates(text, languages=["en"]) or []
        dates += len(found)
    seconds = time.perf_counter() - start
    print(
        json.dumps(
            {
                "documents": len(texts),
                "bytes": sum(len(t.encode("utf-8")) for t in texts),
                "seconds": round(seconds, 3),
                "quantities": quantities,
                "dates": dates,
            }
        )
    )


if __name__ == "__main__":
    main()
