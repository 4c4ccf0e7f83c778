import statistics
print(statistics.mean([3]))
statistics.mean([])
