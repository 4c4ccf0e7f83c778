import os
here = os.path.dirname(os.path.abspath(__file__))
names = os.listdir(here)
me = os.path.join(here, "listdir_exists.py")
print("listdir_exists.py" in names, "listdir_uncaught.py" in names)
print(os.path.exists(me), os.path.isfile(me), os.path.isdir(here), os.path.isdir(me), os.path.exists(os.path.join(here, "no/such")))
try:
    os.listdir("no_such_dir_here")
except FileNotFoundError as e:
    print("FileNotFoundError", e)
try:
    os.listdir(me)
except NotADirectoryError as e:
    print("NotADirectoryError", str(e).replace(here, "HERE"))
