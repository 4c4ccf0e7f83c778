import queue

q = queue.Queue()
for i in range(3):
    q.put(i)
print(q.unfinished_tasks)
q.get()
q.task_done()
print(q.unfinished_tasks)
q.get()
q.get()
q.task_done()
q.task_done()
print(q.unfinished_tasks)
q.join()
print("joined")
lq = queue.LifoQueue()
lq.put(1)
lq.get()
lq.task_done()
try:
    lq.task_done()
except ValueError as e:
    print("ValueError:", e)
