mode = 0o778
