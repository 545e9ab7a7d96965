// profile: being written
