X = 1
from .helper import twice
