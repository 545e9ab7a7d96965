// blocks_text: being written
