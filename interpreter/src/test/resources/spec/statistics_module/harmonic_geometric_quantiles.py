import statistics as st
print(st.harmonic_mean([40, 60]), round(st.geometric_mean([54, 24, 36]), 9))
print(st.quantiles([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), st.quantiles([1, 2, 3, 4], n=2, method="inclusive"))
