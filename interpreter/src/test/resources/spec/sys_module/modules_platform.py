import sys, json
print(sys.platform, "json" in sys.modules, sys.modules["json"] is json, "json.decoder" in sys.modules)
import os
print(sys.modules["os.path"] is os.path)
