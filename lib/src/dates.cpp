// dates: being written
