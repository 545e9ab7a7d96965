// convert: being written
