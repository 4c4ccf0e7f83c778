import os
os.listdir("missing_directory_xyz")
