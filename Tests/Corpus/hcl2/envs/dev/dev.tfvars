developer = "jdoe"
api_token = "sk_test_51HfX2eEXAMPLEonly"
