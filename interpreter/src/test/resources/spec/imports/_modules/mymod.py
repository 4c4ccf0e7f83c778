print("loading mymod", __name__)
VALUE = 42
_hidden = 1
