//! A complete axum 0.8 server; pages include sections of it with `--8<--`.
use axum::{Json, Router, extract::Path, routing::get};
use serde::Serialize;

// --8<-- [start:handler]
#[derive(Serialize)]
struct Greeting {
    message: String,
}

async fn greet(Path(name): Path<String>) -> Json<Greeting> {
    Json(Greeting { message: format!("Hello, {name}!") })
}
// --8<-- [end:handler]

// --8<-- [start:server]
#[tokio::main]
async fn main() {
    let app = Router::new().route("/hello/{name}", get(greet));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:3000").await.unwrap();
    axum::serve(listener, app).await.unwrap();
}
// --8<-- [end:server]
