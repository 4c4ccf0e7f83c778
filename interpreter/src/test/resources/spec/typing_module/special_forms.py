import typing
from typing import Literal, ClassVar, Final, Annotated, cast, overload, TYPE_CHECKING, NoReturn
print(Literal["r", "w"], ClassVar[int], Final[str], Annotated[int, "meta"], NoReturn)
print(cast(int, "not really"), TYPE_CHECKING)
if TYPE_CHECKING:
    print("never")
print(typing.get_origin(typing.List[int]), typing.get_args(typing.Dict[str, int]))
print(typing.get_args(typing.Callable[[int], str]), typing.get_origin(typing.Union[int, str]) is typing.Union)
print(typing.get_args(typing.Optional[int]))
@typing.final
def f() -> None:
    pass
print(f())
