class Account:
    def __init__(self, owner, balance=0):
        self.owner = owner
        self._balance = balance
        self.log = []

    @property
    def balance(self):
        self.log.append("get")
        return self._balance

    @balance.setter
    def balance(self, value):
        if value < 0:
            raise ValueError("negative balance: %d" % value)
        self.log.append("set %d" % value)
        self._balance = value

    @balance.deleter
    def balance(self):
        self.log.append("delete")
        del self._balance

    @property
    def summary(self):
        return f"{self.owner}: {self._balance}"


acct = Account("ann", 10)
print(acct.balance)
acct.balance += 5
print(acct.summary)
try:
    acct.balance = -1
except ValueError as e:
    print("ValueError", e)
del acct.balance
print(hasattr(acct, "_balance"))
try:
    acct.balance
except AttributeError as e:
    print("AttributeError", e)
acct.balance = 3
print(acct.balance, acct.log)
print(type(Account.balance).__name__, Account.balance.fget.__name__)
print(isinstance(Account.summary, property), Account.summary.fset is None)
try:
    acct.summary = "x"
except AttributeError as e:
    print("AttributeError", e)
try:
    del acct.summary
except AttributeError as e:
    print("AttributeError", e)


class Celsius:
    def _get(self):
        return self._v

    def _set(self, v):
        self._v = round(v, 2)

    value = property(_get, _set, None, "the value")


c = Celsius()
c.value = 21.456
print(c.value, Celsius.value.__doc__)
