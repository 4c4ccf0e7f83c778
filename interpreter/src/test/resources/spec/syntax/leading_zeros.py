port = 0080
