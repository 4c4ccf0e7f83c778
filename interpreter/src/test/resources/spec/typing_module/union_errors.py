from typing import Union, Optional
try:
    Union[()]
except TypeError as e:
    print(e)
print(Union[int], Optional[Optional[int]], Union[Union[int, str], float])
