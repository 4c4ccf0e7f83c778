"""weakref for ftpy: ref (from _weakref) and WeakValueDictionary."""
from _weakref import ref, ReferenceType, getweakrefcount


class WeakValueDictionary:
    def __init__(self, other=()):
        self._data = {}
        for key, value in dict(other).items():
            self[key] = value

    def _remover(self, key):
        def remove(wr, data=self._data, key=key):
            if data.get(key) is wr:
                del data[key]
        return remove

    def __setitem__(self, key, value):
        self._data[key] = ref(value, self._remover(key))

    def __getitem__(self, key):
        value = self._data[key]()
        if value is None:
            raise KeyError(key)
        return value

    def __delitem__(self, key):
        del self._data[key]

    def __contains__(self, key):
        wr = self._data.get(key)
        return wr is not None and wr() is not None

    def __len__(self):
        return sum(1 for wr in self._data.values() if wr() is not None)

    def get(self, key, default=None):
        wr = self._data.get(key)
        if wr is None:
            return default
        value = wr()
        return default if value is None else value

    def keys(self):
        return [k for k, wr in list(self._data.items()) if wr() is not None]

    def __iter__(self):
        return iter(self.keys())

    def values(self):
        return [v for v in (wr() for wr in list(self._data.values())) if v is not None]

    def items(self):
        return [(k, v) for k, v in ((k, wr()) for k, wr in list(self._data.items())) if v is not None]

    def pop(self, key, *default):
        wr = self._data.pop(key, None)
        value = None if wr is None else wr()
        if value is None:
            if default:
                return default[0]
            raise KeyError(key)
        return value
