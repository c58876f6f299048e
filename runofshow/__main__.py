import sys

from runofshow.cli import main

sys.exit(main())
