print("qnetplan")
