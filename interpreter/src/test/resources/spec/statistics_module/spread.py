import statistics as st
data = [2, 4, 4, 4, 5, 5, 7, 9]
print(st.pvariance(data), st.pstdev(data), st.variance(data), round(st.stdev(data), 12))
print(st.variance([1.5, 2.5, 2.5, 2.75, 3.25, 4.75]), st.pvariance([1, 3]))
