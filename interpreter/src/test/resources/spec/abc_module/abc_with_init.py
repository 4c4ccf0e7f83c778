from abc import ABC, abstractmethod
class Account(ABC):
    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance
    @abstractmethod
    def fee(self): ...
    def withdraw(self, n):
        self.balance -= n + self.fee()
        return self.balance
class Checking(Account):
    def fee(self): return 1
class Savings(Account):
    def fee(self): return 0
for acct in (Checking("ann", 100), Savings("bob", 50)):
    print(acct.owner, acct.withdraw(10), isinstance(acct, Account))
