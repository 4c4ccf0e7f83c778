import statistics as st
print(st.mean([1, 2, 3]), st.mean([1, 2]), st.mean([1, 2.0]), st.mean([True, False, True, True]))
print(st.variance([1, 3]), st.variance([1, 2, 3, 4]), st.pvariance([1, 2, 3]), st.pvariance([2.5, 3.5]))
print(st.median([1, 2, 3, 4]), st.median([5]), st.median_grouped([1, 2, 2, 3, 4, 4, 4, 4, 4, 5]))
print(st.variance([1, 2, 3], 2), st.pstdev([1, 1, 1]))
