// wages: being written
