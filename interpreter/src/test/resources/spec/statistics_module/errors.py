import statistics as st
for fn, arg in [(st.mean, []), (st.median, []), (st.variance, [1]), (st.stdev, [1]), (st.pvariance, []), (st.mode, [])]:
    try:
        fn(arg)
    except st.StatisticsError as e:
        print(fn.__name__, e, isinstance(e, ValueError))
