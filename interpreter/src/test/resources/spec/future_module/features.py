from __future__ import annotations
import __future__
print(__future__.annotations, __future__.division)
print(__future__.all_feature_names)
print(__future__.generators.getOptionalRelease(), __future__.annotations.getMandatoryRelease(), __future__.CO_FUTURE_ANNOTATIONS)
def f(x: int) -> str:
    return str(x)
print(f(3))
