// io: being written
