import time
t0, p0 = time.thread_time(), time.process_time()
x = sum(i * i for i in range(20000))
t1, p1 = time.thread_time(), time.process_time()
print(x, t1 >= t0, p1 >= p0, isinstance(time.thread_time_ns(), int), isinstance(time.process_time_ns(), int))
