import sys
LOADED = True
raise ValueError("broken on import")
