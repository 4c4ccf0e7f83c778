from .. import helper
from ..helper import twice as t2
