class ValidationError(Exception):
    pass

def validate(value):
    if value < 0:
        raise ValidationError(f"negative value: {value}")
    return value

def process(values):
    return [validate(v) for v in values]

print(process([1, 2]))
process([3, -1])
print("not reached")
