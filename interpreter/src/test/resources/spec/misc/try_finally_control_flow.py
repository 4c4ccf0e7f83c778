def loop_with_finally():
    out = []
    for i in range(4):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            out.append(i)
        finally:
            out.append(f"f{i}")
    return out

print(loop_with_finally())

def nested():
    try:
        try:
            raise ValueError("inner")
        except KeyError:
            print("not here")
        finally:
            print("inner finally")
    except ValueError as e:
        print("outer caught", e)
    finally:
        print("outer finally")
    return "done"

print(nested())

def return_in_finally():
    try:
        raise RuntimeError("lost")
    finally:
        return "finally wins"

print(return_in_finally())
