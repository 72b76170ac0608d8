# Online Retail-shaped orders file (UCI layout) as Cli/Benchmarks/OnlineRetailFileGenerator writes it (same shape, Python RNG, seed 11).
# Usage: python3 benchmarks/online-retail-file.py LINES OUT.csv   (541909 lines = the 1x file of docs/benchmarks.md, "Import memory")
import random, datetime, sys
lines_wanted = int(sys.argv[1]); out = sys.argv[2]
r = random.Random(11)
words = "WHITE HANGING HEART T-LIGHT HOLDER LANTERN CREAM CUPID HEARTS COAT HANGER UNION JACK BAG RED SPOTTY MUG SET".split()
countries = ["United Kingdom", "France", "Germany", "EIRE", "Spain", "Netherlands"]
desc = [" ".join(r.choice(words) for _ in range(2 + r.randrange(4))) + (", SET OF 3" if r.randrange(5) == 0 else "") for _ in range(4000)]
prices = [round(0.29 + r.random() * 12, 2) for _ in range(4000)]
start = datetime.datetime(2010, 12, 1, 8, 26)
with open(out, "w") as f:
    f.write("InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n")
    inv = 536365; written = 0
    while written < lines_wanted:
        size = 1 + r.randrange(41); cancelled = r.random() < 0.02
        at = start + datetime.timedelta(minutes=inv - 536365 + r.randrange(30))
        ats = f"{at.month}/{at.day}/{at.year} {at.hour}:{at.minute:02d}"
        cust = "" if r.random() < 0.25 else str(12346 + r.randrange(4400))
        country = r.choice(countries)
        i = 0
        while i < size and written < lines_wanted:
            item = int(4000 * r.random() ** 2); q = (-1 if cancelled else 1) * (1 + r.randrange(12))
            price = 0 if r.random() < 0.005 else prices[item]
            f.write(f'{"C" if cancelled else ""}{inv},{84000 + item},"{desc[item]}",{q},{ats},{price:.2f},{cust},{country}\n')
            i += 1; written += 1
        inv += 1
