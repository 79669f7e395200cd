"""``python -m game`` starts ImmunoQuest."""

import sys

from game.cli import main

sys.exit(main())
