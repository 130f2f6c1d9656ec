# FakeAws.Server in a container: `docker build -t fakeaws . && docker run -p 4566:4566 fakeaws`.
# Flags go after the image name (`docker run -p 4566:4566 fakeaws --clock manual`); see `fakeaws --help`.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/FakeAws.Server -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
EXPOSE 4566
# Inside a container, loopback is unreachable from the host: listen on every interface.
ENTRYPOINT ["dotnet", "FakeAws.Server.dll", "--host", "0.0.0.0"]
