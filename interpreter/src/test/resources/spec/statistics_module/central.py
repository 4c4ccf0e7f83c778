import statistics as st
print(st.mean([1, 2, 3, 4]), st.mean([1.5, 2.5, 3.5]), st.fmean([1, 2, 4]))
print(st.median([3, 1, 2]), st.median([4, 1, 2, 3]), st.median_low([1, 2, 3, 4]), st.median_high([1, 2, 3, 4]))
print(st.mode([1, 2, 2, 3]), st.mode("abbc"), st.multimode("aabbc"), st.multimode([]))
