// blocks_html: being written
